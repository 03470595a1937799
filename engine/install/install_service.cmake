# Run at install time (install(SCRIPT) in engine/install/install.cmake): the
# systemd unit, with the installed binary's path, and the configuration
# file. CMAKE_INSTALL_PREFIX is the prefix of this install: `cmake --install
# --prefix P`, or /usr for the package (CPack stages it under DESTDIR, which
# file(INSTALL) adds). A /usr install keeps its configuration in /etc, as
# Debian does; any other prefix in P/etc.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(_etc "/etc")
else()
  set(_etc "${CMAKE_INSTALL_PREFIX}/etc")
endif()
set(BANSHI_BIN "${CMAKE_INSTALL_PREFIX}/${BANSHI_INSTALL_BINDIR}/banshi")
set(BANSHI_CONFIG "${_etc}/banshi/serve.conf")
# One unit file per destination: installs into two prefixes at once (the
# tests, cpack) must not take each other's.
string(MD5 _dest "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}")
set(_unit "${BANSHI_PACKAGING_BINARY_DIR}/banshi-${_dest}.service")
configure_file("${BANSHI_PACKAGING_DIR}/banshi.service.in" "${_unit}" @ONLY)
file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/systemd/system" TYPE FILE FILES "${_unit}"
     RENAME banshi.service)
file(INSTALL DESTINATION "${_etc}/banshi" TYPE FILE FILES "${BANSHI_PACKAGING_DIR}/serve.conf")
