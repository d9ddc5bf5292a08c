# ctest entries for `tunelab-cli study` (included by tests/CMakeLists.txt). The checks live in
# study_checks.mjs; in the web build the CLI runs under node and is compared with the native one.
find_program(TUNELAB_NODE node)
if(TUNELAB_NODE)
  set(_study_checks ${CMAKE_CURRENT_LIST_DIR}/study_checks.mjs)
  if(EMSCRIPTEN)
    set(_study_cli "${TUNELAB_NODE}|$<TARGET_FILE:tunelab-cli>")
  else()
    set(_study_cli "$<TARGET_FILE:tunelab-cli>")
  endif()
  add_test(NAME study-cli-arguments COMMAND ${TUNELAB_NODE} ${_study_checks} bad-args "${_study_cli}")
  add_test(NAME study-cli-same-seed COMMAND ${TUNELAB_NODE} ${_study_checks} same-seed "${_study_cli}")
  if(NOT EMSCRIPTEN)  # worker threads: native only
    add_test(NAME study-cli-parallel
             COMMAND ${TUNELAB_NODE} ${_study_checks} parallel "${_study_cli}" ${PROJECT_SOURCE_DIR}/assets/data)
  endif()
  add_test(NAME study-cli-objectives
           COMMAND ${TUNELAB_NODE} ${_study_checks} objectives "${_study_cli}" "${PROJECT_SOURCE_DIR}/assets/data")
  if(EMSCRIPTEN)
    add_test(NAME study-native-vs-node
             COMMAND ${TUNELAB_NODE} ${_study_checks} same-trials "${TUNELAB_NATIVE_CLI}" "${_study_cli}"
                     "${PROJECT_SOURCE_DIR}/assets/data")
  endif()
endif()
