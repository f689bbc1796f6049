/** Messages (events, RPC bodies) of 忙闲调配 and queue figures (issue 11). */
export {};
