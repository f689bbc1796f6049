/** Messages (events, RPC bodies) of 排队叫号 (queue tickets and windows) (issue 11). */
export {};
