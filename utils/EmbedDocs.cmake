# Writes OUT, a C++ array of {name, text} for the check documentation pages
# in DOCS_DIR (docs/checks/<name>.md), for --explain and SARIF.
file(GLOB DOCS ${DOCS_DIR}/*.md)
list(SORT DOCS)
set(content "static const CheckDoc CheckDocs[] = {\n")
foreach(doc ${DOCS})
  get_filename_component(name ${doc} NAME_WE)
  file(READ ${doc} text)
  string(APPEND content "  {\"${name}\", R\"corolintdoc(${text})corolintdoc\"},\n")
endforeach()
string(APPEND content "};\n")
file(WRITE ${OUT}.tmp "${content}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
