/** Messages (events, RPC bodies) of 预约 (appointments) (issue 11). */
export {};
