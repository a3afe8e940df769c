# Runs one mdasim command and checks its exit status and output.
# Variables: CMD (the command and its arguments joined by '|'), EXIT (expected status), STDOUT_RE, STDERR_RE (optional regexes),
# STDERR_NOT_RE (optional regex that must not match), WORKDIR (optional).
string(REPLACE "|" ";" CMD "${CMD}")
if(NOT WORKDIR)
  set(WORKDIR ".")
endif()
execute_process(COMMAND ${CMD} WORKING_DIRECTORY "${WORKDIR}" RESULT_VARIABLE status
                OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
set(report "command: ${CMD}\nstatus: ${status}\nstdout:\n${out}\nstderr:\n${err}")
if(NOT "${status}" STREQUAL "${EXIT}")
  message(FATAL_ERROR "expected exit status ${EXIT}\n${report}")
endif()
if(DEFINED STDOUT_RE AND NOT out MATCHES "${STDOUT_RE}")
  message(FATAL_ERROR "stdout does not match '${STDOUT_RE}'\n${report}")
endif()
if(DEFINED STDERR_RE AND NOT err MATCHES "${STDERR_RE}")
  message(FATAL_ERROR "stderr does not match '${STDERR_RE}'\n${report}")
endif()
if(DEFINED STDERR_NOT_RE AND err MATCHES "${STDERR_NOT_RE}")
  message(FATAL_ERROR "stderr matches '${STDERR_NOT_RE}'\n${report}")
endif()
