import pkg.jobs.run
from pkg.jobs import helpers
from pkg import jobs

pkg.jobs.run.main()
