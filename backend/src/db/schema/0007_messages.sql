-- Portail schema, version 7: secure messaging.
--
-- A thread's subject may tell about the member's health: it is stored encrypted like the
-- messages' bodies (`subject_cipher`; the clear `subject` column stays empty). A new message
-- being written is a thread marked `draft` with one draft message; an answer being written is
-- a draft message in its thread (one per author). Queues list open threads by topic and by how
-- long the member has waited for an answer (`waiting_since`, cleared by the fund's answer).
-- A closed thread remembers when and by whom, for the member's right to reopen it.
-- Files an agent joins to an answer belong to the thread's member once sent; until then only
-- the agent who uploaded them (`attachments.agent_id`) can use them.

ALTER TABLE message_threads ADD COLUMN subject_cipher BLOB;
ALTER TABLE message_threads ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;
ALTER TABLE message_threads ADD COLUMN waiting_since TEXT;
ALTER TABLE message_threads ADD COLUMN closed_at TEXT;
ALTER TABLE message_threads ADD COLUMN closed_by TEXT CHECK (closed_by IN ('member', 'agent'));
ALTER TABLE attachments ADD COLUMN agent_id INTEGER REFERENCES agents(id) ON DELETE SET NULL;

CREATE INDEX message_threads_queue ON message_threads(status, draft, topic, waiting_since);
CREATE UNIQUE INDEX messages_one_draft ON messages(thread_id, author_kind, author_id) WHERE draft = 1;
CREATE INDEX attachments_by_message ON attachments(message_id) WHERE message_id IS NOT NULL;
