# ctest entries for 'tunelab-cli train' (included by tests/CMakeLists.txt), run by train/check.cmake.
# In the web build the CLI runs under node, and one entry compares it with the native build's CLI.
if(EMSCRIPTEN)
  set(train_cli "node|$<TARGET_FILE:tunelab-cli>")
else()
  set(train_cli "$<TARGET_FILE:tunelab-cli>")
endif()
set(train_check ${CMAKE_CURRENT_LIST_DIR}/train/check.cmake)
set(train_data "--data-dir|${PROJECT_SOURCE_DIR}/assets/data")
set(train_scratch "${CMAKE_CURRENT_BINARY_DIR}/train-cli")
file(MAKE_DIRECTORY "${train_scratch}")

function(train_test name mode args)
  add_test(NAME cli.train.${name}
           COMMAND ${CMAKE_COMMAND} "-DMODE=${mode}" "-DCLI=${train_cli}" "-DARGS=train|${args}" ${ARGN}
                   -P ${train_check})
endfunction()

function(train_refuses name args expect)
  train_test(refuses.${name} refuse "${args}" "-DEXPECT=${expect}" ${ARGN})
endfunction()

train_refuses(batch_zero "--batch|0" "batch: is 0; allowed: \\[1, 250\\]")
train_refuses(batch_too_big "--batch|251" "batch: is 251; allowed: \\[1, 250\\]")
train_refuses(lr_zero "--lr|0" "lr: is 0; allowed: \\(0, 10\\]")
train_refuses(unknown_dataset "--dataset|mnist" "'mnist' is not one of: circle, xor")
train_refuses(unknown_option "--learning-rate|0.1" "unknown option --learning-rate")
train_refuses(layer_units "--layers|8,300" "layers\\[1\\].units: is 300; allowed: \\[1, 256\\]")
train_refuses(layers_not_numbers "--layers|8,x" "'x' is not a whole number")
train_refuses(dropout_without_layers "--layers|none|--dropout|0.2" "layers: .*need at least one hidden layer")
train_refuses(loss_output "--output|softmax|--loss|binary_cross_entropy" "binary_cross_entropy needs output sigmoid")
train_refuses(missing_value "--epochs" "--epochs needs a value")
train_refuses(fractional_epochs "--epochs|2.5" "'2.5' is not a whole number")
train_refuses(csv_missing_file "--csv|${train_scratch}/no-such.csv|--target|y" "cannot read")
train_refuses(csv_bad_cell "--csv|${train_scratch}/bad.csv|--target|t" "csv: line 3, column 2: 'abc'"
              "-DFILE=${train_scratch}/bad.csv" "-DCONTENT=a,b,t\\n1,2,0\\n3,abc,1\\n")
train_refuses(csv_missing_target "--csv|${train_scratch}/good.csv|--target|label" "target: .*no column named 'label'"
              "-DFILE=${train_scratch}/good.csv" "-DCONTENT=a,b,t\\n1,2,0\\n3,4,1\\n")

train_refuses(hypergradient_zero "--hypergradient|0" "hypergradient: is 0; allowed: \\(0, 1\\]")
train_test(hypergradient adapts "--dataset|moons|--size|300|--layers|16,16|--activation|tanh|--lr|0.0003|--epochs|5|--hypergradient|0.001|--json"
           "-DAT_LEAST=0.003")  # 10× the rate set: a tenth of the way to a good one, 0.03
train_test(diverges diverge "--dataset|diabetes|${train_data}|--layers|8|--activation|relu|--lr|0.5|--epochs|30|--json")
train_test(same_seed_same_json twice
           "--dataset|moons|--layers|8,8|--dropout|0.1|--optimizer|adam|--lr|0.01|--epochs|15|--json")
train_test(same_seed_same_table twice "--dataset|spiral|--epochs|20")

if(EMSCRIPTEN)
  foreach(run
      "spiral|--dataset|spiral|--layers|8,8|--activation|tanh|--optimizer|sgd|--lr|0.03|--batch|10|--epochs|1|--seed|1"
      "digits|--dataset|digits|${train_data}|--normalize|standardize|--layers|32|--activation|relu|--optimizer|adam|--epochs|1|--init|he"
      "moons_features|--dataset|moons|--features|x2,y2,xy,sinx,siny|--normalize|min_max|--layers|6|--activation|elu|--epochs|1")
    string(REPLACE "|" ";" parts "${run}")
    list(POP_FRONT parts label)
    string(REPLACE ";" "|" run_args "${parts}")
    train_test(web_matches_native.${label} compare "${run_args}|--json" "-DNATIVE_CLI=${TUNELAB_NATIVE_CLI}")
  endforeach()
endif()
