from pkg.jobs.run import lock
import pkg.jobs.helpers as h
