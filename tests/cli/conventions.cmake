# tunelab-cli as a Unix tool: help, version, --opt=value, --data-dir, resume refusals, the export
# command (tests/cli/conventions.mjs). In the web build the same checks run the CLI under node.
find_program(TUNELAB_NODE node)
if(TUNELAB_NODE)
  if(EMSCRIPTEN)
    set(_conventions_cli "${TUNELAB_NODE}|$<TARGET_FILE:tunelab-cli>")
  else()
    set(_conventions_cli "$<TARGET_FILE:tunelab-cli>")
  endif()
  add_test(NAME cli.conventions COMMAND ${TUNELAB_NODE} ${CMAKE_CURRENT_LIST_DIR}/conventions.mjs "${_conventions_cli}"
                                        "${PROJECT_SOURCE_DIR}/assets/data")
endif()
