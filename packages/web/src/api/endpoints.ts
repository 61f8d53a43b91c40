import type { CreatePartner, CreateUser, Partner, Role, User } from '@wijkregie/shared';
import { apiRequest } from './client.ts';

export interface Collection<T> {
  items: T[];
  total: number;
}

export interface DemoAccount {
  email: string;
  name: string;
  roles: Role[];
  partnerName: string;
}

export interface DemoAccounts {
  demo: boolean;
  password: string | null;
  accounts: DemoAccount[];
}

export const api = {
  login: (email: string, password: string) =>
    apiRequest<{ user: User }>('/session', {
      method: 'POST',
      body: { email, password },
      allowUnauthorized: true,
    }),
  getSession: (signal?: AbortSignal) =>
    apiRequest<{ user: User }>('/session', { allowUnauthorized: true, signal }),
  logout: () => apiRequest<void>('/session', { method: 'DELETE', allowUnauthorized: true }),
  demoAccounts: (signal?: AbortSignal) =>
    apiRequest<DemoAccounts>('/demo-accounts', { allowUnauthorized: true, signal }),
  listPartners: (signal?: AbortSignal) => apiRequest<Collection<Partner>>('/partners', { signal }),
  createPartner: (input: CreatePartner) => apiRequest<Partner>('/partners', { method: 'POST', body: input }),
  listUsers: (signal?: AbortSignal) => apiRequest<Collection<User>>('/users', { signal }),
  createUser: (input: CreateUser) => apiRequest<User>('/users', { method: 'POST', body: input }),
};
