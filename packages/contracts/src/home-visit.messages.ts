/** Messages (events, RPC bodies) of 上门服务 home visits and 首问责任 first-inquiry records (issue 11). */
export {};
