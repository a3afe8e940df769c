# Runs the validation report into a fresh folder and compares its text with the committed
# docs/validation.md: the published evidence must be what the code gives today.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT}/images)
execute_process(COMMAND ${REPORT} ${OUT} RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the validation report failed (${status}):\n${err}")
endif()
file(READ ${OUT}/validation.md written)
file(READ ${EXPECTED} committed)
if(NOT written STREQUAL committed)
  message(FATAL_ERROR "docs/validation.md is out of date: run tools/validation-report.sh and commit the result")
endif()
