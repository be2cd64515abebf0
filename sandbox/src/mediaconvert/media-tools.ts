import { spawn } from 'node:child_process';

/** The ffmpeg and ffprobe executables the jobs run. */
export interface MediaTools {
  readonly ffmpeg: string;
  readonly ffprobe: string;
}

export const SYSTEM_MEDIA_TOOLS: MediaTools = { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' };

/** What a finished tool run left: its exit code and the end of its error output. */
export interface ToolRun {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  /** The last few kilobytes of stderr: ffmpeg's reason when it fails. */
  readonly stderr: string;
}

const STDERR_TAIL = 4096;
const VERSION_TIMEOUT_MS = 10_000;
const STDOUT_LIMIT = 4 * 1024 * 1024;

/**
 * Runs a tool to its end, or kills it (SIGKILL) when `signal` aborts. Never rejects for a non-zero
 * exit: the caller reads `exitCode`. Rejects when the executable cannot be started (ENOENT) or
 * the run is aborted.
 */
export function runTool(command: string, args: readonly string[], signal?: AbortSignal): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < STDOUT_LIMIT) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.once('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.once('close', (exitCode, exitSignal) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) reject(signal.reason);
      else resolve({ exitCode, signal: exitSignal, stdout, stderr: stderr.trim() });
    });
  });
}

/** `ffmpeg -version`'s first line, or undefined when ffmpeg or ffprobe cannot be run. */
export async function mediaToolsVersion(tools: MediaTools): Promise<string | undefined> {
  try {
    // A tool that hangs must not hang the sandbox's start.
    const signal = AbortSignal.timeout(VERSION_TIMEOUT_MS);
    const [ffmpeg, ffprobe] = await Promise.all([
      runTool(tools.ffmpeg, ['-version'], signal),
      runTool(tools.ffprobe, ['-version'], signal),
    ]);
    if (ffmpeg.exitCode !== 0 || ffprobe.exitCode !== 0) return undefined;
    return ffmpeg.stdout.split('\n')[0]?.trim();
  } catch {
    return undefined;
  }
}
