# Checks of 'tunelab-cli train', run as: cmake -DMODE=… -DCLI=… -DARGS=… -P train/check.cmake
#   CLI   how to run the CLI, '|'-separated (e.g. "node|/…/tunelab-cli.js" in the web build)
#   ARGS  its arguments, '|'-separated
#   MODE  refuse   exit code 2 (or CODE), stderr matches EXPECT (optionally after writing FILE with CONTENT)
#         diverge  exit code 0, JSON status "diverged" with its epoch
#         twice    exit code 0 and byte-identical output from two runs
#         compare  this CLI and NATIVE_CLI agree bit for bit on data, initial weights and the first
#                  epoch's losses and gradient norm
string(REPLACE "|" ";" cli "${CLI}")
string(REPLACE "|" ";" args "${ARGS}")

function(run_cli out_var err_var code_var)
  execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
  set(${out_var} "${out}" PARENT_SCOPE)
  set(${err_var} "${err}" PARENT_SCOPE)
  set(${code_var} "${code}" PARENT_SCOPE)
endfunction()

if(MODE STREQUAL "refuse")
  if(DEFINED FILE)
    string(REPLACE "\\n" "\n" content "${CONTENT}")
    file(WRITE "${FILE}" "${content}")
  endif()
  if(NOT DEFINED CODE)
    set(CODE 2)
  endif()
  run_cli(out err code ${cli} ${args})
  if(NOT code EQUAL CODE)
    message(FATAL_ERROR "expected exit code ${CODE}, got '${code}'\nstdout: ${out}\nstderr: ${err}")
  endif()
  if(NOT err MATCHES "${EXPECT}")
    message(FATAL_ERROR "stderr does not match '${EXPECT}':\n${err}")
  endif()
  message(STATUS "refused as expected: ${err}")

elseif(MODE STREQUAL "diverge")
  run_cli(out err code ${cli} ${args})
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "a diverged run must exit 0, got '${code}'\nstderr: ${err}")
  endif()
  string(JSON status GET "${out}" status)
  string(JSON epoch GET "${out}" diverged_epoch)
  string(JSON text GET "${out}" message)
  if(NOT status STREQUAL "diverged" OR NOT epoch GREATER 0 OR NOT text MATCHES "at epoch ${epoch}")
    message(FATAL_ERROR "expected status diverged with its epoch, got '${status}', '${epoch}', '${text}'")
  endif()
  message(STATUS "diverged at epoch ${epoch}: ${text}")

elseif(MODE STREQUAL "twice")
  run_cli(first err code ${cli} ${args})
  run_cli(second err2 code2 ${cli} ${args})
  if(NOT code EQUAL 0 OR NOT code2 EQUAL 0)
    message(FATAL_ERROR "exit codes '${code}', '${code2}'\n${err}")
  endif()
  if(NOT first STREQUAL second)
    message(FATAL_ERROR "two runs with the same seed printed different output")
  endif()
  string(LENGTH "${first}" length)
  message(STATUS "two runs printed the same ${length} bytes")

elseif(MODE STREQUAL "compare")
  string(REPLACE "|" ";" native "${NATIVE_CLI}")
  list(GET native 0 native_program)
  if(NOT EXISTS "${native_program}")
    message(STATUS "SKIP: no native CLI at ${native_program} (build the native preset first)")
    return()
  endif()
  run_cli(web err code ${cli} ${args})
  run_cli(nat err2 code2 ${native} ${args})
  if(NOT code EQUAL 0 OR NOT code2 EQUAL 0)
    message(FATAL_ERROR "exit codes web '${code}', native '${code2}'\n${err}\n${err2}")
  endif()
  # Bit for bit: CMake reads each JSON number into a double and gives it back with 17 significant
  # digits, which tell any two doubles apart.
  set(fields  # JSON paths, '/'-separated
      data/train_fingerprint/x/sum data/train_fingerprint/x/squared_sum data/train_fingerprint/y/sum
      data/validation_fingerprint/x/sum data/validation_fingerprint/y/sum
      initial_weights/sum initial_weights/squared_sum initial_weights/first/0
      epochs/0/train_loss epochs/0/validation_loss epochs/0/gradient_norm epochs/0/weight_norms/0
      epochs/0/layer_gradient_norms/0)
  foreach(field IN LISTS fields)
    string(REPLACE "/" ";" path "${field}")
    string(JSON a GET "${web}" ${path})
    string(JSON b GET "${nat}" ${path})
    if(NOT a STREQUAL b)
      message(FATAL_ERROR "web and native differ in ${field}: ${a} vs ${b}")
    endif()
    message(STATUS "${field}: web ${a}, native ${b}")
  endforeach()
else()
  message(FATAL_ERROR "unknown MODE '${MODE}'")
endif()
