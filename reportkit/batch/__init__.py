"""Running many builds: a batch of workbooks in worker processes (`run`), and one workbook
rebuilt whenever it is saved (`watch`)."""
