-- A customer's writes are all named by their contact (docs/projects.md, docs/portal.md): the
-- portal's invitation acceptances, recorded as the customer user, become their contact's.
UPDATE history
SET actor_type = 'contact', actor_id = customer_users.contact_id::text
FROM customer_users
WHERE history.actor_type = 'customer' AND history.actor_id = customer_users.id::text;
--> statement-breakpoint
-- A customer user deleted since (their contact removed with its account) keeps its id.
UPDATE history SET actor_type = 'contact' WHERE actor_type = 'customer';
