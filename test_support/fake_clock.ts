// A clock whose sleep advances time at once and records each wait, so retry and budget tests
// check waits without waiting.
export function timeline() {
  let t = 0;
  const waits: number[] = [];
  return {
    clock: { now: () => t },
    sleep: (ms: number) => {
      waits.push(ms);
      t += ms;
      return Promise.resolve();
    },
    advance: (ms: number) => (t += ms),
    waits,
  };
}
