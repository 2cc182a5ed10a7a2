CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `bots` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`draft` text NOT NULL,
	`draft_revision` integer DEFAULT 1 NOT NULL,
	`published_version_id` integer,
	`catalog_bot_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `channel_connections` (
	`bot_id` text NOT NULL,
	`channel` text NOT NULL,
	`config` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`bot_id`, `channel`),
	FOREIGN KEY (`bot_id`) REFERENCES `bots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `channel_deliveries` (
	`conversation_key` integer PRIMARY KEY NOT NULL,
	`delivered_turn_id` integer DEFAULT 0 NOT NULL,
	`pending_turn_id` integer,
	`sent_calls` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`context` text,
	`outside_window` integer DEFAULT false NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`conversation_key`) REFERENCES `conversations`(`key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`bot_id` text NOT NULL,
	`channel` text NOT NULL,
	`platform_id` text NOT NULL,
	`name` text,
	`language` text,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	PRIMARY KEY(`bot_id`, `channel`, `platform_id`),
	FOREIGN KEY (`bot_id`) REFERENCES `bots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `conversations` (
	`key` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`bot_id` text NOT NULL,
	`channel` text NOT NULL,
	`external_key` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`bot_id`) REFERENCES `bots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_id_unique` ON `conversations` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_bot_channel_key` ON `conversations` (`bot_id`,`channel`,`external_key`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bot_id` text NOT NULL,
	`conversation_id` text,
	`session_id` text,
	`type` text NOT NULL,
	`node_id` text,
	`data` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_bot_type` ON `events` (`bot_id`,`type`,`created_at`);--> statement-breakpoint
CREATE INDEX `events_conversation` ON `events` (`conversation_id`);--> statement-breakpoint
CREATE TABLE `flow_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bot_id` text NOT NULL,
	`version` integer NOT NULL,
	`flow` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text DEFAULT 'admin' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`bot_id`) REFERENCES `bots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flow_versions_bot_version` ON `flow_versions` (`bot_id`,`version`);--> statement-breakpoint
CREATE TABLE `handoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`bot_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`session_id` text NOT NULL,
	`queue` text NOT NULL,
	`priority` text NOT NULL,
	`summary` text NOT NULL,
	`status` text NOT NULL,
	`assignee_id` text,
	`created_at` text NOT NULL,
	`announced_at` text,
	`first_response_at` text,
	`resolved_at` text,
	`first_response_breached` integer DEFAULT false NOT NULL,
	`resolution_breached` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `handoffs_open` ON `handoffs` (`status`,`queue`);--> statement-breakpoint
CREATE INDEX `handoffs_conversation` ON `handoffs` (`conversation_id`);--> statement-breakpoint
CREATE INDEX `handoffs_assignee` ON `handoffs` (`assignee_id`,`status`);--> statement-breakpoint
CREATE INDEX `handoffs_unannounced` ON `handoffs` (`created_at`) WHERE announced_at is null;--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`bot_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`session_id` text NOT NULL,
	`provider` text NOT NULL,
	`status` text NOT NULL,
	`amount` real NOT NULL,
	`currency` text NOT NULL,
	`description` text NOT NULL,
	`items` text NOT NULL,
	`checkout_url` text NOT NULL,
	`provider_ref` text,
	`provider_payment_ref` text,
	`expires_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payments_pending` ON `payments` (`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `payments_provider_ref` ON `payments` (`provider`,`provider_ref`);--> statement-breakpoint
CREATE TABLE `products` (
	`bot_id` text NOT NULL,
	`sku` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`image_url` text,
	`images` text DEFAULT '[]' NOT NULL,
	`url` text,
	`price` real NOT NULL,
	`currency` text NOT NULL,
	`attributes` text DEFAULT '{}' NOT NULL,
	`stock` integer,
	`active` integer DEFAULT true NOT NULL,
	`variant_of` text,
	`options` text DEFAULT '{}' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`bot_id`, `sku`),
	FOREIGN KEY (`bot_id`) REFERENCES `bots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `timers` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`session_id` text NOT NULL,
	`fire_at` text NOT NULL,
	`data` text,
	`status` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `timers_due` ON `timers` (`status`,`fire_at`);--> statement-breakpoint
CREATE TABLE `turns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_key` integer NOT NULL,
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
CREATE UNIQUE INDEX `turns_dedupe` ON `turns` (`bot_id`,`channel`,`external_id`) WHERE external_id is not null;--> statement-breakpoint
CREATE INDEX `turns_conversation` ON `turns` (`conversation_key`,`id`);--> statement-breakpoint
CREATE TABLE `user_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_sessions_user` ON `user_sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `user_sessions_expiry` ON `user_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`bot_id` text NOT NULL,
	`catalog_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`payment_id` text NOT NULL,
	`status` text NOT NULL,
	`items` text NOT NULL,
	`amount` real NOT NULL,
	`currency` text NOT NULL,
	`reserved` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_payment_id_unique` ON `orders` (`payment_id`);--> statement-breakpoint
CREATE INDEX `orders_bot` ON `orders` (`bot_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `waitlist` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bot_id` text NOT NULL,
	`catalog_id` text NOT NULL,
	`sku` text NOT NULL,
	`conversation_id` text NOT NULL,
	`notice` text NOT NULL,
	`created_at` text NOT NULL,
	`notified_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_once` ON `waitlist` (`bot_id`,`sku`,`conversation_id`);--> statement-breakpoint
CREATE INDEX `waitlist_waiting` ON `waitlist` (`catalog_id`,`sku`,`notified_at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`webhook_id` text NOT NULL,
	`event` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`delivered_at` text
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_hook` ON `webhook_deliveries` (`webhook_id`,`id`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` text PRIMARY KEY NOT NULL,
	`bot_id` text NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`events` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhooks_bot` ON `webhooks` (`bot_id`);--> statement-breakpoint
CREATE TABLE `agent_presence` (
	`user_id` text PRIMARY KEY NOT NULL,
	`online` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `canned_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`shortcut` text NOT NULL,
	`text` text NOT NULL,
	`team_key` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `canned_responses_shortcut` ON `canned_responses` (`team_key`,`shortcut`);--> statement-breakpoint
CREATE TABLE `inbox_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`handoff_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`team_key` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `inbox_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`handoff_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`user_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `inbox_notes_conversation` ON `inbox_notes` (`conversation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`business_hours` text,
	`sla` text,
	`auto_assign` integer DEFAULT true NOT NULL,
	`max_open_per_agent` integer DEFAULT 5 NOT NULL,
	`member_ids` text DEFAULT '[]' NOT NULL,
	`last_assigned_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_key_unique` ON `teams` (`key`);