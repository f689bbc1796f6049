-- One database per service (database-per-service).
CREATE DATABASE onewindow_counter;
CREATE DATABASE onewindow_household;
CREATE DATABASE onewindow_exit_entry;
CREATE DATABASE onewindow_traffic;
CREATE DATABASE onewindow_public_security;
CREATE DATABASE onewindow_complaints;
