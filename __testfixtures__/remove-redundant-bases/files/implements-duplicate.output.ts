interface Runnable {
  run(): void;
}

interface Stoppable extends Runnable {
  stop(): void;
}

export class Worker
  implements
    Stoppable
{
  run() {}
  stop() {}
}
