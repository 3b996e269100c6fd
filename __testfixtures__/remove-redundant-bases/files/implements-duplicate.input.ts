interface Runnable {
  run(): void;
}

interface Stoppable extends Runnable {
  stop(): void;
}

export class Worker
  implements
    Runnable, // runs
    Stoppable
{
  run() {}
  stop() {}
}
