# cmake -DOUTPUT=<file.inc> -DPAGES=<a.md|b.md> -P EmbedCheckDocs.cmake
# Writes the check documentation pages as a C++ table {check name, page text}, for
# checks/reporting/CheckDocs.cpp (SARIF rule help, --list-checks).
set(text "// Generated from checks/docs/*.md by cmake/EmbedCheckDocs.cmake: do not edit.\n")
string(APPEND text "struct CheckDocPage { const char *name; const char *text; };\n")
string(APPEND text "static const CheckDocPage CheckDocPages[] = {\n")
string(REPLACE "|" ";" PAGES "${PAGES}")
foreach(page IN LISTS PAGES)
  get_filename_component(name "${page}" NAME_WE)
  file(READ "${page}" body)
  if(body MATCHES "\\)leakcheckdoc\"")
    message(FATAL_ERROR "${page} contains the raw-string delimiter )leakcheckdoc\"")
  endif()
  string(APPEND text "  {\"${name}\", R\"leakcheckdoc(${body})leakcheckdoc\"},\n")
endforeach()
string(APPEND text "};\n")
# Rewritten only when it changes, so that an unrelated edit rebuilds nothing.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
  if(old STREQUAL text)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${text}")
