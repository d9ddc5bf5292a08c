# "Export as Python" writes scripts Python accepts: the doctest case that writes one script per
# sampler and data-set family runs first (a fixture), then python3 -m py_compile checks them all.
# export.python.runs then trains every reproduction case with Debian's python3-torch and
# python3-optuna and compares each script's figure over five seeds with TuneLab's (skipped, saying
# why, when they are not installed). One thread per process: the CI machine has two cores.
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
  add_test(NAME export.python.runs
           COMMAND ${CMAKE_COMMAND} -E env OMP_NUM_THREADS=1
                   /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/export_runs.py ${export_dir}/runs)
  set_tests_properties(export.python.runs PROPERTIES FIXTURES_REQUIRED python_exports SKIP_RETURN_CODE 77 TIMEOUT 900)
endif()
