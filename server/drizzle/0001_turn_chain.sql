-- A conversation's turns become a chain (conversations.last_turn_id, turns.prev_turn_id) in place of the
-- turns_conversation index: see the turns table in src/db/schema.ts. Existing turns are chained first,
-- while the index can still find each one's predecessor.
ALTER TABLE `turns` ADD `prev_turn_id` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `last_turn_id` integer;--> statement-breakpoint
UPDATE `turns` SET `prev_turn_id` = (SELECT max(`p`.`id`) FROM `turns` `p` WHERE `p`.`conversation_key` = `turns`.`conversation_key` AND `p`.`id` < `turns`.`id`);--> statement-breakpoint
UPDATE `conversations` SET `last_turn_id` = (SELECT max(`t`.`id`) FROM `turns` `t` WHERE `t`.`conversation_key` = `conversations`.`key`);--> statement-breakpoint
DROP INDEX `turns_conversation`;--> statement-breakpoint
-- Each new turn is the head of its conversation's chain; the turn writer links it to the one before.
CREATE TRIGGER `turns_chain_head` AFTER INSERT ON `turns` BEGIN
  UPDATE `conversations` SET `last_turn_id` = NEW.`id` WHERE `key` = NEW.`conversation_key`;
END;
