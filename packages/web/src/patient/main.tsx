/** @jsxImportSource preact */
import { render } from 'preact';
import { App } from './app.tsx';
import './patient.css';

const root = document.getElementById('root');
if (root) render(<App />, root);
