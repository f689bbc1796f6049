export { backoffMs, Supervisor, type ProcessSpec, type SupervisorOptions } from './supervisor.js';
