ALTER TABLE `referrals` ADD `due` text;--> statement-breakpoint
-- A referral's due date (db/referrals/schema.ts): the earliest of its 核查期限 while it is received
-- or verifying and its open actions' reply dues while it is not closed (min() of the two, either
-- NULL). Worked out for every referral on file, then kept by the triggers below on every write
-- that can move it, in the write's own statement: a handler, a calendar change moving deadlines,
-- a restore or an import alike.
UPDATE `referrals` SET `due` = CASE WHEN status = 'closed' THEN NULL ELSE min(
    coalesce(CASE WHEN status IN ('received', 'verifying') THEN verify_due END, (SELECT min(a.reply_due) FROM referral_actions a
      WHERE a.referral_id = referrals.id AND a.reply_date IS NULL AND a.withdrawn_at IS NULL AND a.deleted_at IS NULL)),
    coalesce((SELECT min(a.reply_due) FROM referral_actions a
      WHERE a.referral_id = referrals.id AND a.reply_date IS NULL AND a.withdrawn_at IS NULL AND a.deleted_at IS NULL), CASE WHEN status IN ('received', 'verifying') THEN verify_due END)
  ) END;--> statement-breakpoint
CREATE TRIGGER `referrals_due_insert` AFTER INSERT ON `referrals`
BEGIN
  UPDATE `referrals` SET `due` = CASE WHEN status = 'closed' THEN NULL ELSE min(
    coalesce(CASE WHEN status IN ('received', 'verifying') THEN verify_due END, (SELECT min(a.reply_due) FROM referral_actions a
      WHERE a.referral_id = referrals.id AND a.reply_date IS NULL AND a.withdrawn_at IS NULL AND a.deleted_at IS NULL)),
    coalesce((SELECT min(a.reply_due) FROM referral_actions a
      WHERE a.referral_id = referrals.id AND a.reply_date IS NULL AND a.withdrawn_at IS NULL AND a.deleted_at IS NULL), CASE WHEN status IN ('received', 'verifying') THEN verify_due END)
  ) END WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `referrals_due_update` AFTER UPDATE OF `status`, `verify_due` ON `referrals`
BEGIN
  UPDATE `referrals` SET `due` = CASE WHEN status = 'closed' THEN NULL ELSE min(
    coalesce(CASE WHEN status IN ('received', 'verifying') THEN verify_due END, (SELECT min(a.reply_due) FROM referral_actions a
      WHERE a.referral_id = referrals.id AND a.reply_date IS NULL AND a.withdrawn_at IS NULL AND a.deleted_at IS NULL)),
    coalesce((SELECT min(a.reply_due) FROM referral_actions a
      WHERE a.referral_id = referrals.id AND a.reply_date IS NULL AND a.withdrawn_at IS NULL AND a.deleted_at IS NULL), CASE WHEN status IN ('received', 'verifying') THEN verify_due END)
  ) END WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `referral_actions_due_insert` AFTER INSERT ON `referral_actions`
BEGIN
  UPDATE `referrals` SET `due` = CASE WHEN status = 'closed' THEN NULL ELSE min(
    coalesce(CASE WHEN status IN ('received', 'verifying') THEN verify_due END, (SELECT min(a.reply_due) FROM referral_actions a
      WHERE a.referral_id = referrals.id AND a.reply_date IS NULL AND a.withdrawn_at IS NULL AND a.deleted_at IS NULL)),
    coalesce((SELECT min(a.reply_due) FROM referral_actions a
      WHERE a.referral_id = referrals.id AND a.reply_date IS NULL AND a.withdrawn_at IS NULL AND a.deleted_at IS NULL), CASE WHEN status IN ('received', 'verifying') THEN verify_due END)
  ) END WHERE id = NEW.referral_id;
END;--> statement-breakpoint
CREATE TRIGGER `referral_actions_due_update` AFTER UPDATE OF `referral_id`, `reply_due`, `reply_date`, `withdrawn_at`, `deleted_at` ON `referral_actions`
BEGIN
  UPDATE `referrals` SET `due` = CASE WHEN status = 'closed' THEN NULL ELSE min(
    coalesce(CASE WHEN status IN ('received', 'verifying') THEN verify_due END, (SELECT min(a.reply_due) FROM referral_actions a
      WHERE a.referral_id = referrals.id AND a.reply_date IS NULL AND a.withdrawn_at IS NULL AND a.deleted_at IS NULL)),
    coalesce((SELECT min(a.reply_due) FROM referral_actions a
      WHERE a.referral_id = referrals.id AND a.reply_date IS NULL AND a.withdrawn_at IS NULL AND a.deleted_at IS NULL), CASE WHEN status IN ('received', 'verifying') THEN verify_due END)
  ) END WHERE id IN (OLD.referral_id, NEW.referral_id);
END;--> statement-breakpoint
CREATE TRIGGER `referral_actions_due_delete` AFTER DELETE ON `referral_actions`
BEGIN
  UPDATE `referrals` SET `due` = CASE WHEN status = 'closed' THEN NULL ELSE min(
    coalesce(CASE WHEN status IN ('received', 'verifying') THEN verify_due END, (SELECT min(a.reply_due) FROM referral_actions a
      WHERE a.referral_id = referrals.id AND a.reply_date IS NULL AND a.withdrawn_at IS NULL AND a.deleted_at IS NULL)),
    coalesce((SELECT min(a.reply_due) FROM referral_actions a
      WHERE a.referral_id = referrals.id AND a.reply_date IS NULL AND a.withdrawn_at IS NULL AND a.deleted_at IS NULL), CASE WHEN status IN ('received', 'verifying') THEN verify_due END)
  ) END WHERE id = OLD.referral_id;
END;--> statement-breakpoint
CREATE INDEX `referrals_inbox` ON `referrals` (`deleted_at`,`urgency`,`received_date`,`seq`,`status`,`due`);--> statement-breakpoint
CREATE INDEX `referrals_inbox_status` ON `referrals` (`deleted_at`,`status`,`urgency`,`received_date`,`seq`,`due`);