// Shows the "Imprimer" buttons (hidden without JavaScript) and opens the print dialog.
for (const button of document.querySelectorAll('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
