import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Booking } from './Booking';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Booking />
  </StrictMode>,
);
