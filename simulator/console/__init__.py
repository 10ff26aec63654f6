"""What every console shares, wherever it runs: the clock driver and the display model.

Pure Python, no Textual, no asyncio: a hot-seat console, a room host and a joined client all
fold the same events through `display.ExerciseView` and drive the same clock through
`clock_driver.ExerciseControl`, so a seat sees the same picture in every mode.
"""
