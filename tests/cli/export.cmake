# "Export as Python" writes scripts Python accepts: the doctest case that writes one script per
# sampler and data-set family runs first (a fixture), then python3 -m py_compile checks them all.
# Native build only: the scripts are the same text in the web build.
if(NOT EMSCRIPTEN)
  set(export_dir "${CMAKE_CURRENT_BINARY_DIR}/export-python")
  add_test(NAME export.python.write
           COMMAND ${CMAKE_COMMAND} -E env TUNELAB_EXPORT_DIR=${export_dir}
                   $<TARGET_FILE:tunelab-tests> --no-colors=true "--test-case=export_python: write*")
  set_tests_properties(export.python.write PROPERTIES FIXTURES_SETUP python_exports)
  add_test(NAME export.python.compiles
           COMMAND /bin/sh -c "ls ${export_dir}/*.py > /dev/null && /usr/bin/python3 -m py_compile ${export_dir}/*.py")
  set_tests_properties(export.python.compiles PROPERTIES FIXTURES_REQUIRED python_exports)
endif()
