// Mounts the options app.
import { render } from 'preact';
import { App } from './App';
import '../../components/ui.css';
import './style.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
