# Regression checks of issue #17 for tunelab-cli (included by tests/CMakeLists.txt): hostile flags
# and files are refused with exit code 2 and the reason, writes that fail are reported (exit 1),
# never a crash, a hang or an unbounded read. Native only: they use /dev/zero and /dev/full.
if(NOT EMSCRIPTEN)
  set(guards_check ${CMAKE_CURRENT_LIST_DIR}/train/check.cmake)
  set(guards_cli "$<TARGET_FILE:tunelab-cli>")
  set(guards_scratch "${CMAKE_CURRENT_BINARY_DIR}/guards-cli")
  file(MAKE_DIRECTORY "${guards_scratch}")
  set(branin "study|--objective|branin|--sampler|random|--trials|3")

  # name, CLI arguments ('|'-separated), expected stderr (regex), then -DCODE=, -DFILE=, -DCONTENT=
  function(guards_refuses name args expect)
    add_test(NAME cli.guards.${name}
             COMMAND ${CMAKE_COMMAND} -DMODE=refuse "-DCLI=${guards_cli}" "-DARGS=${args}" "-DEXPECT=${expect}" ${ARGN}
                     -P ${guards_check})
  endfunction()

  # D2: the number as given, checked before it becomes an int, and quoted as given.
  guards_refuses(D2.layers_1e300 "train|--layers|1e300" "layers\\[0\\]\\.units: is 1e300; allowed: \\[1, 256\\]")
  guards_refuses(D2.layers_3e9 "train|--layers|8,3e9" "layers\\[1\\]\\.units: is 3e9; allowed: \\[1, 256\\]")
  guards_refuses(D2.nine_layers "train|--layers|1,1,1,1,1,1,1,1,1" "has 9 hidden layers; allowed: 0 to 8")
  # D3: an MLP space is checked at once, and the refusal names the file.
  guards_refuses(D3.space_lr "study|--objective|mlp:xor|--sampler|random|--space|${guards_scratch}/lr.json"
                 "--space [^ ]*lr\\.json: parameter 'lr': 1e\\+300 is not a setting training accepts"
                 "-DFILE=${guards_scratch}/lr.json"
                 "-DCONTENT=[{\"name\":\"lr\",\"type\":\"float\",\"low\":0.001,\"high\":1e300,\"log\":true}]")
  guards_refuses(D3.space_layers "study|--objective|mlp:xor|--sampler|random|--space|${guards_scratch}/layers.json"
                 "parameter 'layers': \\[1, 1000000000\\] is outside 1 to 8"
                 "-DFILE=${guards_scratch}/layers.json"
                 "-DCONTENT=[{\"name\":\"layers\",\"type\":\"int\",\"low\":1,\"high\":1e9}]")
  # D5, D6: the learner's CSV.
  guards_refuses(D5.continuous_target "train|--csv|${PROJECT_SOURCE_DIR}/assets/data/diabetes.csv|--target|target"
                 "more than 100 distinct labels.*regression")
  guards_refuses(D6.cell_beyond_float "train|--csv|${guards_scratch}/big.csv|--target|t"
                 "line 3, column 1: '1e39' is beyond the range of a float"
                 "-DFILE=${guards_scratch}/big.csv" "-DCONTENT=a,t\\n1,0\\n1e39,1\\n")
  # D9: a resumed study's seed is digits only.
  guards_refuses(D9.resume_seed "${branin}|--resume|${guards_scratch}/seed.json"
                 "--resume [^ ]*seed\\.json: study JSON: seed must be a string of decimal digits"
                 "-DFILE=${guards_scratch}/seed.json"
                 "-DCONTENT={\"direction\":\"minimize\",\"seed\":\"-1\",\"space\":[],\"trials\":[]}")
  # A warm start from a study of another space is refused, naming the file and why.
  guards_refuses(warm_start_space "${branin}|--warm-start|${guards_scratch}/forrester.json"
                 "--warm-start [^ ]*forrester\\.json: the earlier study searched another space"
                 "-DFILE=${guards_scratch}/forrester.json"
                 "-DCONTENT={\"direction\":\"minimize\",\"seed\":\"1\",\"space\":[{\"name\":\"x\",\"type\":\"float\",\"low\":0,\"high\":1}],\"trials\":[]}")
  # D10: a full disk is an error, not a silent success.
  guards_refuses(D10.save_full "${branin}|--save|/dev/full" "cannot write '/dev/full' \\(No space left on device\\)" -DCODE=1)
  guards_refuses(D10.csv_full "${branin}|--csv|/dev/full" "cannot write '/dev/full'" -DCODE=1)
  # D13: trials are bounded for every sampler (BO's GP most of all).
  guards_refuses(D13.trials "study|--objective|branin|--sampler|bayes|--trials|1000000"
                 "--trials needs a whole number from 1 to 10 000, not '1000000'")
  # D14: endless or huge files are refused after reading their limit.
  guards_refuses(D14.csv_zero "train|--csv|/dev/zero|--target|t" "--csv: '/dev/zero' is larger than 32 MiB, the limit for a CSV file")
  guards_refuses(D14.space_zero "${branin}|--space|/dev/zero" "'/dev/zero' is larger than 33 MiB, the limit for a JSON file")
  guards_refuses(D14.resume_zero "${branin}|--resume|/dev/zero" "'/dev/zero' is larger than 33 MiB")
  # D11: no validation part with extra features trains (the sanitizer build checks it does so cleanly).
  add_test(NAME cli.guards.D11.no_validation
           COMMAND ${CMAKE_COMMAND} -DMODE=twice "-DCLI=${guards_cli}"
                   "-DARGS=train|--dataset|xor|--val-split|0|--features|x2,sinx|--epochs|3" -P ${guards_check})
endif()
