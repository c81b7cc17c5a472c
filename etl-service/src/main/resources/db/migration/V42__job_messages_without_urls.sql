-- Every signed-in user reads job records (doc A's /v1/etl/jobs and /stats). Before, a product_sync job's
-- error_message listed each failed target's URL (other users' tracked pages and stores) and exception
-- class names; jobs now say only how many problems of which kind (RunLog.summary). Older records keep
-- their count; the per-target detail is still in extract_fetch_log, which only admins read.
UPDATE job_executions
   SET error_message = split_part(error_message, ': ', 1) || ' (per-target details: the job''s fetch log, for admins)'
 WHERE error_message ~ '^[0-9]+ problem\(s\): '
   AND position('(per-target details: ' IN error_message) = 0;

UPDATE job_executions
   SET error_message = 'the run failed: internal error (see the service log)'
 WHERE error_message ~ '^the run failed: [A-Za-z0-9_$]+$';
