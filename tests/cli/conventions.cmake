# tunelab-cli as a Unix tool: help, version, --opt=value, --data-dir, resume refusals, the export
# command (tests/cli/conventions.mjs). Native build: the web build's CLI is the same code under node.
find_program(TUNELAB_NODE node)
if(TUNELAB_NODE AND NOT EMSCRIPTEN)
  add_test(NAME cli.conventions COMMAND ${TUNELAB_NODE} ${CMAKE_CURRENT_LIST_DIR}/conventions.mjs "$<TARGET_FILE:tunelab-cli>"
                                        "${PROJECT_SOURCE_DIR}/assets/data")
endif()
