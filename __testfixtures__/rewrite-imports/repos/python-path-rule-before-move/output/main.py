import pkg.tasks.jobs.run
from pkg.tasks.jobs import helpers
from pkg.tasks import jobs

pkg.tasks.jobs.run.main()
