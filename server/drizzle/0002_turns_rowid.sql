-- The turn log's id becomes a plain rowid (no AUTOINCREMENT): see the turns table in src/db/schema.ts.
-- SQLite cannot drop AUTOINCREMENT in place, so the table is copied; its trigger goes with the old table
-- and is made again below, as 0001 made it.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_turns` (
	`id` integer PRIMARY KEY NOT NULL,
	`conversation_key` integer NOT NULL,
	`prev_turn_id` integer,
	`session_id` text,
	`flow_version_id` integer,
	`bot_id` text NOT NULL,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`inbound` text NOT NULL,
	`external_id` text,
	`replies` text NOT NULL,
	`state` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_turns`("id", "conversation_key", "prev_turn_id", "session_id", "flow_version_id", "bot_id", "channel", "kind", "inbound", "external_id", "replies", "state", "created_at") SELECT "id", "conversation_key", "prev_turn_id", "session_id", "flow_version_id", "bot_id", "channel", "kind", "inbound", "external_id", "replies", "state", "created_at" FROM `turns`;--> statement-breakpoint
DROP TABLE `turns`;--> statement-breakpoint
ALTER TABLE `__new_turns` RENAME TO `turns`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `turns_dedupe` ON `turns` (`bot_id`,`channel`,`external_id`) WHERE external_id is not null;--> statement-breakpoint
CREATE TRIGGER `turns_chain_head` AFTER INSERT ON `turns` BEGIN
  UPDATE `conversations` SET `last_turn_id` = NEW.`id` WHERE `key` = NEW.`conversation_key`;
END;
