from pkg.tasks.jobs.run import lock
import pkg.tasks.jobs.helpers as h
