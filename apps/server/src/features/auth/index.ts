export { authRoutes } from './auth.routes.ts';
export { type AuthService, createAuthService, type Principal } from './auth.service.ts';
export { createSignInThrottle, defaultSignInLimits, type SignInLimits } from './sign-in-throttle.ts';
