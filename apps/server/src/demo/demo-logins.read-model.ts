import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from './demo-staff.ts';

/** The demo's logins, for the sign-in page of a demo server: its active users and their password. */
export async function readDemoLogins(executor: Executor) {
  const rows = await executor.execute<{ email: string; name: string; roles: string[] }>(
    sql`SELECT email, name, roles FROM users WHERE is_active AND email LIKE ${`%@${DEMO_EMAIL_DOMAIN}`}
      ORDER BY created_at, email`,
  );
  return rows.rows.map((row) => ({ ...row, password: DEMO_PASSWORD }));
}

/** The demo's customers who use the portal (demo-portal.ts), for the portal's sign-in page. */
export async function readDemoCustomerLogins(executor: Executor) {
  const rows = await executor.execute<{ email: string; name: string; accountName: string }>(
    sql`SELECT cu.email, c.name, a.name AS "accountName"
          FROM customer_users cu JOIN contacts c ON c.id = cu.contact_id JOIN accounts a ON a.id = cu.account_id
         WHERE cu.status = 'active' ORDER BY a.name, cu.email`,
  );
  return rows.rows.map((row) => ({ ...row, password: DEMO_PASSWORD }));
}
