// Where an output (a PDF, a batch report) goes, decided before anything is
// rendered, so that nothing the user did not ask to replace is replaced:
//   - a regular file, or a name that does not exist yet, is replaced
//     atomically (write_file_atomic: a failure leaves the old file);
//   - a character device (/dev/null), a FIFO, or an open descriptor
//     ("-", /dev/stdout, /dev/fd/N as bash's >(…) gives) gets a plain
//     write: the node is never replaced, and every write is checked;
//   - anything else (a directory, a socket, a block device) is refused.
// An output may never be one of the inputs; files are compared by device
// and inode, so a hard link, a symbolic link or "./x.xml" for "x.xml" is
// caught as well as the same name.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "util/diag.h"

namespace banshi {

// The identity of a file: two names are the same file when these match.
struct FileId {
  dev_t dev = 0;
  ino_t ino = 0;
  bool operator==(const FileId&) const = default;
};

// The file a name refers to (symbolic links followed); nullopt when it does
// not exist.
std::optional<FileId> file_id(const std::filesystem::path& path);
// The file an open descriptor refers to, when it is a regular file.
std::optional<FileId> regular_file_id(int fd);

// Makes sure descriptors 0, 1 and 2 are open, so that no file the program
// opens later becomes "standard output" by accident. A closed one is
// reopened read-only on /dev/null: reading it gives end of file, and writing
// it fails (EBADF) — a PDF sent to a closed standard output is an error, not
// silently lost. Called once at start.
void reserve_standard_streams();

// An output that could not be delivered (a full disk, a closed pipe): an
// internal failure (exit 1), said in the language of the call.
class OutputError : public EngineError {
 public:
  explicit OutputError(Diagnostic d) : EngineError(std::move(d)) {}
};

class OutputTarget {
 public:
  enum class Kind {
    File,        // a regular file or a new name: replaced atomically
    Device,      // a character device or FIFO: opened and written
    Descriptor,  // an open descriptor: written where it stands
  };

  // Classifies `name` ("-" is standard output). `inputs` are the files the
  // output must not be; `option` names the option that gave it ("-o",
  // "--report") for the message that asks for another. Throws InputError
  // when the output may not be written there (empty name, an input, a
  // directory, a socket …) and OutputError when a descriptor is closed.
  static OutputTarget resolve(const std::string& name, std::span<const FileId> inputs, std::string_view option);

  Kind kind() const { return kind_; }
  const std::string& name() const { return name_; }

  // Writes `data` whole: atomically for a file; for a device or descriptor
  // every write and the close are checked. Throws OutputError (a device or
  // descriptor) or EngineError (a file), naming the output and the reason.
  void write(std::string_view data) const;

  // For an output written piece by piece as it is made (batch's report,
  // one line per finished job): a file is opened in place — truncated, not
  // replaced, so that every line written survives a crash of the writer —
  // a device or descriptor as for write(). Each piece is written at once.
  class Stream {
   public:
    Stream(Stream&& other) noexcept;
    Stream& operator=(Stream&&) = delete;
    ~Stream();
    void write(std::string_view piece);
    // Checks the close; a destructor cannot report it.
    void close();

   private:
    friend class OutputTarget;
    Stream(int fd, bool owned, std::string name) : fd_(fd), owned_(owned), name_(std::move(name)) {}
    int fd_;
    bool owned_;
    std::string name_;
  };
  Stream open_stream() const;

 private:
  std::string name_;
  std::filesystem::path path_;  // the file to replace (links resolved)
  int fd_ = -1;                 // for a Descriptor
  Kind kind_ = Kind::File;
};

}  // namespace banshi
