/**
 * Cuts a process's output stream into lines and spots the runtime's end-of-invocation marker,
 * which may follow a partial line the handler left without a line break.
 */
export class LogLineSplitter {
  private buffer = '';

  constructor(
    private readonly marker: string,
    private readonly onLine: (line: string) => void,
    private readonly onMarker: (awsRequestId: string) => void,
  ) {}

  /** Feeds decoded text; complete lines are reported at once. */
  push(text: string): void {
    this.buffer += text;
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      this.handleLine(this.buffer.slice(0, newline));
      this.buffer = this.buffer.slice(newline + 1);
      newline = this.buffer.indexOf('\n');
    }
  }

  /** The stream ended: a last line without a line break is still a line. */
  end(): void {
    if (this.buffer.length > 0) this.handleLine(this.buffer);
    this.buffer = '';
  }

  private handleLine(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const at = line.indexOf(this.marker);
    if (at < 0) {
      this.onLine(line);
      return;
    }
    if (at > 0) this.onLine(line.slice(0, at));
    this.onMarker(line.slice(at + this.marker.length).trim());
  }
}
