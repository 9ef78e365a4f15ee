-- Fixed-window counters shared by every node.
CREATE TABLE rate_limits (
    bucket        VARCHAR(300) NOT NULL PRIMARY KEY,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    hits          INT NOT NULL
);
CREATE INDEX rate_limits_window_ix ON rate_limits (window_start);
