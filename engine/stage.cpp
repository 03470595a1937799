// Compiled into every stage library, so a stage that is still only headers
// is a valid (empty) static library and the build graph stays the same.
namespace banshi {}
