# The desktop app, given a saved session it cannot restore (cut short, as by a crash mid-write in an
# older version), starts on the defaults, says why, and keeps the file as session.json.bad.
#   cmake -DAPP=<tunelab> -DCONFIG=<scratch XDG_CONFIG_HOME> -P keeps_refused_session.cmake
file(REMOVE_RECURSE "${CONFIG}")
set(saved "{\"version\":1,\"language\":\"en\",\"page\":\"lab\",\"lab\":{\"data\":{\"kind\":\"moons\",\"si")
file(WRITE "${CONFIG}/tunelab/session.json" "${saved}")
execute_process(COMMAND ${CMAKE_COMMAND} -E env XDG_CONFIG_HOME=${CONFIG}
                        xvfb-run -a -s "-screen 0 1280x800x24" ${APP} --frames 20
                RESULT_VARIABLE code ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "the app exited with '${code}':\n${err}")
endif()
if(NOT err MATCHES "saved session was refused \\((session: )?not valid JSON: .*; it was kept as [^ ]*session\\.json\\.bad\\)")
  message(FATAL_ERROR "no refusal naming the kept file on stderr:\n${err}")
endif()
file(READ "${CONFIG}/tunelab/session.json.bad" kept)
if(NOT kept STREQUAL saved)
  message(FATAL_ERROR "session.json.bad is not the refused session: '${kept}'")
endif()
file(READ "${CONFIG}/tunelab/session.json" fresh)
string(JSON kind GET "${fresh}" lab data kind)
message(STATUS "kept aside; the new session starts on the defaults (data set '${kind}')")
if(kind STREQUAL "moons" OR EXISTS "${CONFIG}/tunelab/session.json.tmp")
  message(FATAL_ERROR "the new session is not the defaults, or a temporary file was left: '${fresh}'")
endif()
