# What `cmake --install build --prefix P` puts where, and the Debian package
# `cpack -G DEB` makes of the same files (run from the build directory).
#
#   P/bin/banshi
#   P/libexec/banshi/banshi-full              what bin/banshi hands Word, serve, audit, batch to
#   P/share/banshi/{templates,fonts}/         the data (found from bin/ as ../share/banshi)
#   P/share/man/man1/banshi.1                 generated from engine/cli/commands.txt
#   P/share/bash-completion/completions/banshi
#   P/lib/systemd/system/banshi.service       not enabled (engine/install/install_service.cmake)
#   P/etc/banshi/serve.conf                   /etc/banshi when P is /usr
#   P/share/doc/banshi/                       README, INPUT, TEMPLATES
# The message catalogue, the audit's rules and the web page's files are
# compiled into the binary; pdf.js (libjs-pdf) and the sRGB profile (icc-profiles-free) come
# from Debian packages, hence the Depends below.

install(TARGETS banshi RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(TARGETS banshi-full RUNTIME DESTINATION "${BANSHI_INSTALL_LIBEXECDIR}")

# The data directories the engine reads at run time (render/engine.cpp's
# has_data, audit/audit.cpp): templates, the font map and families table.
# XML only: nothing else in them is data.
foreach(dir templates fonts)
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/${dir}" DESTINATION "${BANSHI_INSTALL_DATADIR}"
          FILES_MATCHING PATTERN "*.xml")
endforeach()

install(FILES "${CMAKE_BINARY_DIR}/banshi.1" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${CMAKE_BINARY_DIR}/banshi.bash-completion" DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
        RENAME banshi)

# The service: the unit (with this install's path to banshi) and its
# configuration, placed at install time when the prefix is known.
install(CODE "set(BANSHI_PACKAGING_DIR \"${PROJECT_SOURCE_DIR}/engine/install\")
  set(BANSHI_PACKAGING_BINARY_DIR \"${CMAKE_BINARY_DIR}/packaging\")
  set(BANSHI_INSTALL_BINDIR \"${CMAKE_INSTALL_BINDIR}\")")
install(SCRIPT "${PROJECT_SOURCE_DIR}/engine/install/install_service.cmake")

install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/INPUT.md" DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES "${PROJECT_SOURCE_DIR}/templates/README.md" DESTINATION "${CMAKE_INSTALL_DOCDIR}" RENAME TEMPLATES.md)

# ---------------------------------------------------------------- the package
set(CPACK_PACKAGE_NAME banshi)
set(CPACK_PACKAGE_VENDOR "banshi")
set(CPACK_PACKAGE_CONTACT "banshi maintainers <banshi@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "typesets Bazhong 结项申请书 reports as print-ready PDF")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_PREFIX /usr)
# DESTDIR staging, so the install script sees the real prefix (/usr) and
# puts the configuration file in /etc rather than /usr/etc.
set(CPACK_SET_DESTDIR ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The extended description (the summary above is its first line).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "banshi turns a report written as XML or as a Word document (.docx) into a
print-ready PDF in the submission format of the Bazhong social-science
federation: the 结项申请书 form with its 最终成果, A4 or as an A3
saddle-stitched booklet, PDF/A-1b, with the fonts embedded. It also checks
reports, renders many at once, audits PDFs made by other programs and serves
a web page (banshi serve, with a systemd unit that is not enabled).")
# Depends: the shared libraries both executables link (dpkg-shlibdeps), plus what
# is used at run time without linking: the sRGB profile of PDF/A output and
# pdf.js for the web page's preview.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "icc-profiles-free, libjs-pdf")
# Recommends: the free font packages the font map names (package="…" on its
# <font> elements), read from the map so the two cannot drift.
file(READ "${PROJECT_SOURCE_DIR}/fonts/fontmap.xml" _banshi_fontmap)
string(REGEX MATCHALL "package=\"[a-z0-9.+-]+\"" _banshi_font_packages "${_banshi_fontmap}")
list(TRANSFORM _banshi_font_packages REPLACE "package=\"([^\"]+)\"" "\\1")
list(REMOVE_DUPLICATES _banshi_font_packages)
list(JOIN _banshi_font_packages ", " CPACK_DEBIAN_PACKAGE_RECOMMENDS)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libreoffice-writer-nogui")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/engine/install/debian/conffiles"
    "${PROJECT_SOURCE_DIR}/engine/install/debian/postinst"
    "${PROJECT_SOURCE_DIR}/engine/install/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_GENERATOR DEB)
include(CPack)
