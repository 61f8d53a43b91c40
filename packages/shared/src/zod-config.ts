import { z } from 'zod';

// Dutch messages for every schema that brings no message of its own, in the API and in the web app.
// `jitless`: no `new Function` probes, so a strict Content-Security-Policy stays quiet.
z.config({ ...z.locales.nl(), jitless: true });
