import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The machine running the tests is shared: give renders and the polling tests room.
configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(20_000);
