# TuneLab studies into Optuna's storages and exported scripts as workers on one storage, with
# Debian's python3-optuna and python3-torch (skipped, saying why, when they are not installed).
# Native build only: the web build's CLI cannot start Python.
if(NOT EMSCRIPTEN AND NOT TUNELAB_SANITIZE)
  add_test(NAME optuna.storage
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/optuna_storage.py $<TARGET_FILE:tunelab-cli>
                   ${CMAKE_CURRENT_BINARY_DIR}/optuna-storage)
  set_tests_properties(optuna.storage PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
endif()
