import { z } from 'zod';
import { userRoles } from '../db/schema';

export const roleSchema = z.enum(userRoles);
export type Role = z.infer<typeof roleSchema>;

/** Addresses are compared lowercased, so "Ana@Example.com" and "ana@example.com" are one account. */
const emailSchema = z.string().trim().toLowerCase().pipe(z.email('enter an email address such as ana@example.com').max(254));
const nameSchema = z.string().trim().min(1, 'enter a name').max(100, 'use at most 100 characters');
export const MIN_PASSWORD_LENGTH = 10;
/** The one password rule: long enough (length beats composition rules); the upper bound only caps hashing work. */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, 'use at most 1024 characters');

export const userViewSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema });
export type UserView = z.infer<typeof userViewSchema>;
export const userListItemSchema = userViewSchema.extend({ createdAt: z.string() });
export type UserListItem = z.infer<typeof userListItemSchema>;

export const authStateSchema = z.object({ needsSetup: z.boolean(), user: userViewSchema.nullable(), csrfToken: z.string().nullable() });
export const signedInSchema = z.object({
  user: userViewSchema,
  csrfToken: z.string().meta({ description: 'Send it as X-CSRF-Token with every POST, PUT, PATCH and DELETE this session makes.' }),
});

export const setupSchema = z.object({ email: emailSchema, name: nameSchema, password: passwordSchema });
// Signing in checks no format: a wrong address is simply wrong credentials.
export const loginSchema = z.object({ email: z.string().trim().toLowerCase().min(1, 'enter your email address').max(254), password: z.string().min(1, 'enter your password').max(1024) });
export const changePasswordSchema = z.object({ currentPassword: z.string().min(1, 'enter your current password').max(1024), newPassword: passwordSchema });

export const createUserSchema = z.object({ email: emailSchema, name: nameSchema, role: roleSchema, password: passwordSchema });
export const updateUserSchema = z.object({ name: nameSchema.optional(), role: roleSchema.optional(), password: passwordSchema.optional() });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const createTokenSchema = z.object({ name: z.string().trim().min(1, 'name the token (what will use it)').max(100, 'use at most 100 characters') });
export const tokenViewSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });
export type TokenView = z.infer<typeof tokenViewSchema>;
export const createdTokenSchema = z.object({
  token: tokenViewSchema,
  secret: z.string().meta({ description: 'The token itself (prl_pat_…), shown this once: only its hash is kept.' }),
});
