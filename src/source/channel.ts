/**
 * A bounded hand-over of chunks from the reader of a stream (which hashes them) to one
 * inspector (which pulls them through a ByteSource), with backpressure: the reader waits
 * while `maxBytes` are queued. The inspector may stop early (its reader's return()): from
 * then on chunks are dropped at once, and the reader goes on hashing the rest.
 */
export class ChunkChannel {
  private queue: Buffer[] = [];
  private queued = 0;
  private ended = false;
  private closed = false;
  private wakeConsumer: (() => void) | undefined;
  private wakeProducer: (() => void) | undefined;

  constructor(private readonly maxBytes = 4 * 1024 * 1024) {}

  /** Hand a chunk over; a promise when the reader must wait for room, else undefined. */
  push(chunk: Buffer): Promise<void> | undefined {
    if (this.closed) return undefined;
    this.queue.push(chunk);
    this.queued += chunk.length;
    this.wake('consumer');
    if (this.queued < this.maxBytes) return undefined;
    return new Promise((resolve) => {
      this.wakeProducer = resolve;
    });
  }

  /** No more chunks: the consumer sees the end once it has taken the queued ones. */
  end(): void {
    this.ended = true;
    this.wake('consumer');
  }

  /** The consumer is done: drop what is queued and let the reader go on. */
  close(): void {
    this.closed = true;
    this.queue = [];
    this.queued = 0;
    this.wake('producer');
    this.wake('consumer');
  }

  private wake(who: 'consumer' | 'producer'): void {
    const w = who === 'consumer' ? this.wakeConsumer : this.wakeProducer;
    if (who === 'consumer') this.wakeConsumer = undefined;
    else this.wakeProducer = undefined;
    w?.();
  }

  iterator(): AsyncIterator<Buffer> {
    return {
      next: async (): Promise<IteratorResult<Buffer>> => {
        while (this.queue.length === 0) {
          if (this.ended || this.closed) return { done: true, value: undefined };
          await new Promise<void>((resolve) => {
            this.wakeConsumer = resolve;
          });
        }
        const b = this.queue.shift()!;
        this.queued -= b.length;
        if (this.queued < this.maxBytes) this.wake('producer');
        return { done: false, value: b };
      },
      return: (): Promise<IteratorResult<Buffer>> => {
        this.close();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  }
}
